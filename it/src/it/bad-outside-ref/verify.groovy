def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/properties/x/$ref: $ref '../../pom.xml' points outside the schema directory'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
