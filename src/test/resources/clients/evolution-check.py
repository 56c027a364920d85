# Asks GNOME's own evolution-source-registry (started by D-Bus activation on a private session bus)
# for a mail transport source, and prints what Evolution would use. Exit 2: the registry did not
# load the file (it skips malformed files with only a log line).
import sys
import gi
gi.require_version('EDataServer', '1.2')
from gi.repository import EDataServer

uid = sys.argv[1]
source = EDataServer.SourceRegistry.new_sync(None).ref_source(uid)
if source is None:
    print("not loaded: " + uid)
    sys.exit(2)
transport = source.get_extension(EDataServer.SOURCE_EXTENSION_MAIL_TRANSPORT)
auth = source.get_extension(EDataServer.SOURCE_EXTENSION_AUTHENTICATION)
security = source.get_extension(EDataServer.SOURCE_EXTENSION_SECURITY)
print(transport.get_backend_name(), auth.get_host(), auth.get_port(), auth.get_user(), auth.get_method(), security.get_method())
