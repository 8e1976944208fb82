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
return true
