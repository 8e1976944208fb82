def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 12, Failures: 0, Errors: 0, Skipped: 0')
def patterns = new File(basedir, 'target/generated-resources/user-event-bus/com/example/subscriber/events/patterns')
assert new File(patterns, 'user-account-deleted.json').text.trim() ==
        '{"source":["com.example.user-service"],"detail-type":["User Account Deleted"]}'
assert new File(patterns, 'all-events.json').isFile()
return true
