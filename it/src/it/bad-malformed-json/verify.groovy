def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/broken.json#: malformed JSON at line 2'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
