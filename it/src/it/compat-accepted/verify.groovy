// The break is accepted with a reason: the build passes, and the report says so.
def log = new File(basedir, 'build.log').text
[
    "[PROPERTY_MADE_REQUIRED] 'User Registered' /properties/locale: the property 'locale' was made required (accepted: every producer has sent a locale since 1.1.0; the archive holds no older event)",
    "Compatible (FULL, tolerant readers) with com.example.contract:user-events:1.1.0: 1 change(s), none breaking",
].each { assert log.contains(it) : "build.log lacks: " + it }
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/user-event-bus/compatibility-report.json'))
assert report.failures == 0 && report.findings[0].accepted && report.findings[0].breaking
return true
