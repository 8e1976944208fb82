def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
// the function's run-time classpath: the contract, core, the Lambda adapter; no AWS SDK, no event-ruler
def jars = new File(basedir, 'target/runtime-classpath.txt').text.split(File.pathSeparator).collect { new File(it).name }
assert jars.any { it.startsWith('user-event-bus-lambda-') }
assert jars.any { it.startsWith('aws-lambda-java-core-') }
def banned = jars.findAll { it.startsWith('eventbridge-') || it.startsWith('sdk-core-') || it.startsWith('netty')
        || it.startsWith('event-ruler-') || it.startsWith('user-event-bus-publisher') || it.startsWith('user-event-bus-testkit') }
assert banned.isEmpty() : "the Lambda function drags in ${banned}"
return true
