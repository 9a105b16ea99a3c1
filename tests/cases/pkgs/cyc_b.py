print("cyc_b start")
import cyc_a
B_VALUE = "b"
print("cyc_b sees cyc_a has A_VALUE:", hasattr(cyc_a, "A_VALUE"))
