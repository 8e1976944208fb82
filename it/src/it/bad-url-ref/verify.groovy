def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/properties/x/$ref: $ref 'https://example.com/x.json' is a URL; the build never fetches schemas from the network'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
