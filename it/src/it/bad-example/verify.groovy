def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/examples/0/age: the example breaks its schema: string found, integer expected'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
