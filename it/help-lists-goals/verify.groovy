def log = new File(basedir, 'build.log').text

for (goal in ['help', 'setup', 'setup-bucket', 'setup-iam', 'write-profile', 'write-settings', 'upload',
             'verify', 'rotate-key', 'teardown']) {
    assert log.contains("liveupdate:${goal}\n") || log.contains("liveupdate:${goal}\r\n") : "goal ${goal} missing from the help output"
}
for (property in ['liveupdate.bucket', 'liveupdate.region', 'liveupdate.prefix', 'liveupdate.profile',
                  'liveupdate.adminProfile', 'liveupdate.endpoint', 'liveupdate.credentialsFile',
                  'liveupdate.configFile', 'liveupdate.dryRun', 'liveupdate.skip']) {
    assert log.contains("User property: ${property}") : "help does not document the user property ${property}"
}
return true
