def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#: has x-amazon-events-detail-type but not x-amazon-events-source'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
