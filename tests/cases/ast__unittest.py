# unittest: a TestCase run through a TextTestRunner into a buffer.
import io
import unittest

class T(unittest.TestCase):
    def setUp(self):
        self.v = [1, 2, 3]
    def test_equal(self):
        self.assertEqual(sum(self.v), 6)
        self.assertIn(2, self.v)
        self.assertTrue(self.v)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, 'invalid', int, 'z')
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])
    @unittest.skip("not now")
    def test_skip(self):
        pass
    def test_subtest(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 5)
    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
out = io.StringIO()
result = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
text = out.getvalue()
for line in text.splitlines():
    if line.startswith(('test_', 'AssertionError', 'FAILED', 'OK')):
        print(line)
