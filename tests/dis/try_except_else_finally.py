try:
    x = 1
except Exception as e:
    print(e)
else:
    print('else')
finally:
    print('finally')
