print("cyc_a start")
import cyc_b
A_VALUE = "a"
def from_b():
    return cyc_b.B_VALUE
print("cyc_a end")
