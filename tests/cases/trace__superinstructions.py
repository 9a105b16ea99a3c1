# Traced code runs fused instruction pairs one instruction at a time: opcode events and
# f_lasti for each half.
import sys
def f():
    x = 1
    y = x; z = 2
    return y + z
def tr(frame, event, arg):
    if frame.f_code.co_name == "f":
        frame.f_trace_opcodes = True
        print(event, frame.f_lineno, frame.f_lasti)
    return tr
sys.settrace(tr); f(); sys.settrace(None)
