def log = new File(basedir, 'build.log').text
def expected = '''src/main/schemas/event.json#/properties/profile/$ref: $ref 'common/profile.json' names the file 'common/profile.json', which is not in the schema directory'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
