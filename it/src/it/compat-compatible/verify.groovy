// An optional property, an enum value and an event added: compatible in FULL mode with tolerant readers.
def log = new File(basedir, 'build.log').text
[
    "Checked 3 event(s) in 3 schema file(s): valid",
    "[PROPERTY_ADDED_OPTIONAL] 'User Registered' /properties/timezone: the optional property 'timezone' was added (compatible)",
    "[ENUM_VALUE_ADDED] 'User Registered' /properties/plan/enum: the value \"enterprise\" was added (compatible)",
    "[EVENT_ADDED] 'User Suspended' : the event 'User Suspended' from 'com.example.accounts' was added (compatible)",
    "Compatible (FULL, tolerant readers) with com.example.contract:user-events:1.1.0: 3 change(s), none breaking",
].each { assert log.contains(it) : "build.log lacks: " + it }
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/user-event-bus/compatibility-report.json'))
assert report.failures == 0 && report.findings.size() == 3 && report.findings.every { !it.breaking }
return true
