def log = new File(basedir, 'build.log').text
def expected = '''source 'aws.user-service' starts with 'aws.', which EventBridge reserves for AWS services'''
assert log.contains(expected) : "build.log lacks: " + expected
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
return true
