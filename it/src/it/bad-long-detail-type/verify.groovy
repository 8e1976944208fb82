def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/x-amazon-events-detail-type: detail-type is 129 characters long; EventBridge allows at most 128'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
