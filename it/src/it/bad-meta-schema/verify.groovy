def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/properties/age/type: breaks the https://json-schema.org/draft/2020-12/schema meta-schema'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
