a = 5
print(-a, +a, ~a, not a)
