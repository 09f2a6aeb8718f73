import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.ProxyAuthentication

def proxy = ItSupport.startForwardProxy(basedir, context)
proxy.play(ProxyAuthentication.basic('builder', 'fake-proxy-password-0001'))
true
