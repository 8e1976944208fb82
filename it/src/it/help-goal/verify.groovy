def log = new File(basedir, 'build.log').text
assert log.contains('user-event-bus:generate')
assert log.contains('user-event-bus:help')
// parameters with their documentation and user properties, from the mojo's Javadoc
assert log.contains('packageName')
assert log.contains('User property: user-event-bus.packageName')
assert log.contains('schemaDependencies')
assert log.contains('The Java package of the generated classes')
return true
