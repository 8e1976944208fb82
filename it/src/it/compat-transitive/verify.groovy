// nickname: optional string in 1.0.0, gone in 1.1.0, back as an integer now. FULL (against 1.1.0) passes;
// FULL_TRANSITIVE checks 1.0.0 too and fails there only.
def log = new File(basedir, 'build.log').text
[
    "Compatible (FULL, tolerant readers) with com.example.contract:user-events:1.1.0: 1 change(s), none breaking",
    "The contract breaks FULL_TRANSITIVE compatibility (tolerant readers) with com.example.contract:user-events:1.0.0, com.example.contract:user-events:1.1.0: 1 breaking change(s)",
    "[TYPE_CHANGED] 'User Registered' /properties/nickname/type (breaks BOTH, against com.example.contract:user-events:1.0.0): the type went from string to integer",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains("against com.example.contract:user-events:1.1.0): ")
return true
