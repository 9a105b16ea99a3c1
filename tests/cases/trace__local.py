# Local trace functions: the global one's result per frame, f_trace replaced by an
# event's result, f_trace_lines off, f_trace_opcodes, a tracer that raises, settrace
# inside a function (that frame is not traced), gettrace.
import sys

log = []


def global_tracer(frame, event, arg):
    name = frame.f_code.co_name
    log.append(("global", event, name))
    if name == "untraced":
        return None
    if name == "no_lines":
        frame.f_trace_lines = False
    if name == "opcodes":
        frame.f_trace_opcodes = True
    return local_tracer


def local_tracer(frame, event, arg):
    log.append(("local", event, frame.f_code.co_name, frame.f_lineno - FIRST))
    if event == "line" and frame.f_code.co_name == "switch":
        return other_tracer
    return None


def other_tracer(frame, event, arg):
    log.append(("other", event, frame.f_code.co_name, frame.f_lineno - FIRST))
    return other_tracer


FIRST = sys._getframe().f_lineno


def untraced():
    a = 1
    return a


def switch():
    a = 1
    b = 2
    return a + b


def no_lines():
    a = 1
    return a


def opcodes():
    return 1


def starts_tracing():
    sys.settrace(global_tracer)
    x = untraced()
    y = 2
    return x + y


starts_tracing()
switch()
no_lines()
n_before = len(log)
opcodes()
is_set = sys.gettrace() is global_tracer
sys.settrace(None)
print("opcode events:", sum(1 for e in log[n_before:] if e[1] == "opcode") > 1)
log = [e for e in log if e[1] != "opcode"]
print(is_set)
for e in log:
    print(*e)


def bad_tracer(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return bad_tracer


def victim():
    return 1


sys.settrace(bad_tracer)
try:
    victim()
except RuntimeError as e:
    print("tracer raised:", e, sys.gettrace())
sys.settrace(None)
frame_log = []


def frame_tracer(frame, event, arg):
    frame_log.append((event, frame.f_back.f_code.co_name if frame.f_back else None, sorted(frame.f_locals)))
    return frame_tracer


def callee(p):
    q = p + 1
    return q


def caller():
    return callee(1)


sys.settrace(frame_tracer)
caller()
sys.settrace(None)
for e in frame_log:
    print(*e)
