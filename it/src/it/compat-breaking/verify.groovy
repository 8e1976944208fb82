// The build failed on two breaking changes against the newest release (1.1.0), each with its rule id,
// event, pointer and a counterexample; the JSON and JUnit reports hold them too.
def log = new File(basedir, 'build.log').text
[
    "The contract breaks FULL compatibility (tolerant readers) with com.example.contract:user-events:1.1.0: 2 breaking change(s)",
    "[CONSTRAINT_TIGHTENED] 'User Registered' /properties/name/maxLength (breaks BACKWARD, against com.example.contract:user-events:1.1.0): maxLength went from 50 to 30",
    "[PROPERTY_MADE_REQUIRED] 'User Registered' /properties/locale (breaks BACKWARD, against com.example.contract:user-events:1.1.0): the property 'locale' was made required",
    "counterexample (BACKWARD): {",
    "refused by the reader: /name:",
    "refused by the reader: /: required property 'locale' not found",
    "Report: target/user-event-bus/compatibility-report.json",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains('\tat ') : 'a breaking change is a user matter: no stack trace'
assert !log.contains('against com.example.contract:user-events:1.0.0') : 'FULL checks the newest release only'

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/user-event-bus/compatibility-report.json'))
assert report.failures == 2
def tightened = report.findings.find { it.rule == 'CONSTRAINT_TIGHTENED' }
assert tightened.event == 'User Registered' && tightened.direction == 'BACKWARD' && tightened.breaking
assert tightened.counterexample.detail.name.length() == 50 : 'written under 1.1.0 (up to 50), refused under 30'
def junit = new File(basedir, 'target/user-event-bus/TEST-user-event-bus-compatibility.xml').text
assert junit.contains('failures="1"') && junit.contains('name="User Registered against com.example.contract:user-events:1.1.0"')
return true
