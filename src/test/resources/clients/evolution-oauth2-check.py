# Asks evolution-source-registry (on a private session bus, as evolution-check.py does) for a mail
# transport source and prints its authentication method and the OAuth2 service evolution-data-server
# would sign in with for it ("none" when it has no built-in one). Exit 2: the file was not loaded.
import sys
import gi
gi.require_version('EDataServer', '1.2')
from gi.repository import EDataServer

uid = sys.argv[1]
source = EDataServer.SourceRegistry.new_sync(None).ref_source(uid)
if source is None:
    print("not loaded: " + uid)
    sys.exit(2)
auth = source.get_extension(EDataServer.SOURCE_EXTENSION_AUTHENTICATION)
service = EDataServer.OAuth2Services.new().find(source)
print(auth.get_host(), auth.get_port(), auth.get_method(), service.get_name() if service else "none")
