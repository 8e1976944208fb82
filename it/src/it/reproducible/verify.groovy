def first = new File(basedir, 'target/first')
def second = new File(basedir, 'target/second')
def files = []
first.eachFileRecurse(groovy.io.FileType.FILES) { files << first.toPath().relativize(it.toPath()).toString() }
assert files.size() > 10 : files
files.each { path ->
    def a = new File(first, path).bytes
    def b = new File(second, path).bytes
    assert Arrays.equals(a, b) : "differs: " + path
    assert !new String(a, 'UTF-8').contains('\r') : "CR in " + path
}
def count = 0
second.eachFileRecurse(groovy.io.FileType.FILES) { count++ }
assert count == files.size()
// the plugin installed here is a SNAPSHOT: its jar's size and time must not reach the sources, or another
// machine's install of the same SNAPSHOT generates other bytes
def stamp = '@Generated("io.github.usereventbus:user-event-bus-codegen:' + projectVersion + '")'
def javaFiles = files.findAll { it.endsWith('.java') }
assert !javaFiles.isEmpty()
javaFiles.each { path ->
    def text = new File(first, path).getText('UTF-8')
    assert !text.contains('@Generated(') || text.contains(stamp) : path + " names something else than " + stamp
}
return true
