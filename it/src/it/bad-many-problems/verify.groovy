def log = new File(basedir, 'build.log').text
// one message lists every problem, each with its file and JSON pointer
assert log.contains('2 problems in the event schemas:')
assert log.contains("  - src/main/schemas/a.json#/x-amazon-events-source: source 'aws.x' starts with 'aws.'")
assert log.contains('  - src/main/schemas/b.json#: has x-amazon-events-source but not x-amazon-events-detail-type')
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
