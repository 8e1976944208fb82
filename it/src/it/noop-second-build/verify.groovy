// invoker ran two builds in a row; build.log holds both, the second after the first
def builds = new File(basedir, 'build.log').text.split('Scanning for projects')
assert builds.size() == 3 : 'expected two builds in build.log'
assert builds[1] =~ /Generated 3 event\(s\) from 4 schema file\(s\): \d+ file\(s\) written/
assert builds[2].contains('Event classes are up to date; nothing to generate')
assert !builds[2].contains('file(s) written')
return true
