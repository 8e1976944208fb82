// No packageName anywhere: validate, check-compatibility, catalog and infrastructure all run.
def log = new File(basedir, 'build.log').text
[
    "Checked 3 event(s) in 3 schema file(s): valid",
    "Compatible (FULL, tolerant readers) with src/baseline:",
    "EventCatalog in target/eventcatalog:",
    "Wrote the producer's IAM policy and",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains('packageName') : "a goal asked for packageName"
def page = new File(basedir, 'target/eventcatalog/events/UserRegistered/index.mdx').getText('UTF-8')
assert page.contains('| Java | `UserRegistered` |') : page
assert !page.contains('null')
assert new File(basedir, 'target/user-event-bus-infrastructure/iam/producer-policy.json').isFile()
return true
