class A:
    __x = 1
    def __m(self):
        return self.__x + self.__y
    def f(self):
        return self.__m()
