def log = new File(basedir, 'build.log').text
def expected = '''2 problems in the event schemas:\n  - src/main/schemas/a.json#/x-amazon-events-source: source 'aws.x'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
