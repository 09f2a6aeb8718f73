io.github.liveupdate.testing.ItSupport.start(basedir, context)
