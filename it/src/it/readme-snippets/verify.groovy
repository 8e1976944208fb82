// Every ```java, ```xml, ```json, ```kotlin and ```yaml block of the README and of docs/*.md must follow a marker naming what it quotes:
//   <!-- snippet: it/src/it/quickstart/pom.xml -->                         the whole file
//   <!-- snippet: it/src/it/quickstart/src/main/java/.../X.java#create -->  the lines between tag::create[] and end::create[]
// @project.version@ in a quoted file reads as the version, as in the built copy a user would see; any other
// @token@ is refused, since the README cannot show what it becomes. Indentation common to all lines is ignored.
def root = new File(basedir, '../../../..').canonicalFile
def problems = []
int checked = 0
def pages = [new File(root, 'README.md')] + (new File(root, 'docs').listFiles()?.findAll { it.name.endsWith('.md') }?.sort() ?: [])

def normalise = { List<String> lines ->
    def indents = lines.findAll { it.trim() }.collect { it.length() - it.replaceAll(/^\s+/, '').length() }
    int common = indents ? indents.min() : 0
    lines.collect { it.trim() ? it.substring(common).replaceAll(/\s+$/, '') : '' }.join('\n').trim()
}

for (page in pages) {
def readme = page.readLines('UTF-8')
def name = root.toPath().relativize(page.toPath()).toString()
for (int i = 0; i < readme.size(); i++) {
    def fence = readme[i] =~ /^```(java|xml|json|kotlin|yaml)\s*$/
    if (!fence.matches()) {
        if (readme[i].startsWith('```')) { // another language: skip its whole block
            i++
            while (i < readme.size() && !readme[i].startsWith('```')) i++
        }
        continue
    }
    int end = i + 1
    while (end < readme.size() && !readme[end].startsWith('```')) end++
    def block = readme.subList(i + 1, end)
    def marker = (i > 0 ? readme[i - 1] : '') =~ /^<!-- snippet: ([^#\s]+)(?:#(\S+))? -->$/
    if (!marker.matches()) {
        problems << "${name}:${i + 1}: this ${fence.group(1)} block quotes nothing the tests build; put <!-- snippet: path[#tag] --> above it"
    } else {
        String path = marker.group(1)
        String tag = marker.group(2)
        def file = new File(root, path)
        if (!file.isFile()) {
            problems << "${name}:${i + 1}: ${path} does not exist"
        } else {
            def lines = file.readLines('UTF-8').collect { it.replace('@project.version@', projectVersion) }
            if (tag) {
                int from = lines.findIndexOf { it.contains("tag::${tag}[]") }
                int to = lines.findIndexOf { it.contains("end::${tag}[]") }
                if (from < 0 || to < from) {
                    problems << "${name}:${i + 1}: ${path} has no tag::${tag}[] ... end::${tag}[] region"
                    i = end
                    continue
                }
                lines = lines.subList(from + 1, to)
            }
            def token = lines.find { it =~ /@[\w.-]+@/ }
            if (token) {
                problems << "${name}:${i + 1}: ${path} has an invoker token the README cannot show: ${token.trim()}"
            } else if (normalise(block) != normalise(lines)) {
                problems << "${name}:${i + 1}: the block differs from ${path}${tag ? '#' + tag : ''}; copy it again:\n" + normalise(lines)
            }
            checked++
        }
    }
    i = end
}
}
assert problems.isEmpty() : problems.join('\n')
assert checked >= 5 : "only ${checked} snippets checked"
println "README and docs: ${checked} Java, XML, JSON, Kotlin and YAML blocks match the files they quote"
return true
