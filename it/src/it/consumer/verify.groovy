def log = new File(basedir, 'build.log').text
assert log.contains('Generated 3 event(s) from 4 schema file(s)')
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
def generated = new File(basedir, 'target/generated-sources/user-event-bus/com/example/consumer/events')
assert new File(generated, 'UserAccountCreated.java').isFile()
assert new File(basedir, 'target/classes/com/example/consumer/events/schemas/user-event-schemas/user-account-created.json').isFile()
return true
