# The _codecs module's native codec functions (shared codec core): incremental utf-8, error handlers, buffers; TextIOWrapper decoding.
import codecs, _codecs
print(_codecs.utf_8_decode(b'ab\xc3', 'strict', False), _codecs.utf_8_decode(b'ab\xc3\xa9', None, True))
try: _codecs.utf_8_decode(b'ab\xc3', 'strict', True)
except UnicodeDecodeError as e: print(e)
try: _codecs.utf_8_decode(b'a\xffb')
except UnicodeDecodeError as e: print(e)
print(_codecs.utf_8_decode(b'a\xffb', 'replace'), _codecs.utf_8_decode(b'a\xffb', 'ignore'), _codecs.utf_8_decode(b'a\xffb', 'backslashreplace'))
print(_codecs.ascii_decode(b'ab'), _codecs.latin_1_decode(b'\xe9'), _codecs.latin_1_encode('é'), _codecs.utf_8_encode('é'))
try: _codecs.ascii_encode('aéé')
except UnicodeEncodeError as e: print(e)
print(_codecs.ascii_encode('aé', 'replace'), _codecs.ascii_encode('aé', 'xmlcharrefreplace'), _codecs.ascii_encode('aé\u1234', 'backslashreplace'))
print(_codecs.utf_8_decode(memoryview(b'xy')), _codecs.utf_8_decode(bytearray(b'z')))
try: _codecs.utf_8_decode('x')
except TypeError as e: print(e)
import io
t = io.TextIOWrapper(io.BytesIO('héllo\nwörld\n'.encode()), encoding='utf-8')
print(t.readlines())
