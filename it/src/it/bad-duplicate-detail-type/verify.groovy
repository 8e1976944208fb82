def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/b.json#/x-amazon-events-detail-type: detail-type 'Same' is also declared by src/main/schemas/a.json'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
