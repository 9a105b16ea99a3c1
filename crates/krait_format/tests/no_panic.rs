//! Every entry point on pseudo-random input: errors are fine, panics are not.

use krait_format::{
    double_to_string, format_complex, format_float, format_int, format_str, parse_float, parse_int,
    percent_format_char, percent_format_float, percent_format_int, percent_format_text, DtoaFlags, PercentParser,
    Piece,
};
use num_bigint::BigInt;

/// xorshift64*: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn text(&mut self, alphabet: &[char], max_len: usize) -> String {
        let len = self.below(max_len + 1);
        (0..len).map(|_| alphabet[self.below(alphabet.len())]).collect()
    }
}

#[test]
fn random_inputs_do_not_panic() {
    let spec_chars: Vec<char> = "<>=^+- z#0123456789,_.%bcdeEfFgGnosxX*é\u{663}\0".chars().collect();
    let num_chars: Vec<char> = "0123456789_.eE+-xobXOB infINFnaN\u{661}\u{3000}\t".chars().collect();
    let pct_chars: Vec<char> = "%()-+ #0123456789.*hlLdiouxXeEfFgGcrsaé".chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let spec = rng.text(&spec_chars, 12);
        let f = f64::from_bits(rng.next());
        let i = BigInt::from(rng.next() as i64) << rng.below(200);
        let _ = format_float(f, &spec, "float");
        let _ = format_int(&i, &spec, "int", 4300);
        let _ = format_complex(f, -f, &spec, "complex");
        let _ = format_str("héllo", &spec, "str");
        for code in ['e', 'f', 'g', 'r', 'E', 'F', 'G', 'x'] {
            let _ = double_to_string(f, code, rng.below(40), DtoaFlags { alt: rng.below(2) == 0, ..DtoaFlags::default() });
        }
        let number = rng.text(&num_chars, 14);
        let _ = parse_float(&number);
        let _ = parse_int(&number, [0, 2, 8, 10, 16, 36, 1, 37][rng.below(8)], 4300);
        let fmt = rng.text(&pct_chars, 10);
        for piece in PercentParser::new(&fmt) {
            if let Ok(Piece::Conversion(spec)) = piece {
                let _ = percent_format_int(&i, &spec, 4300);
                let _ = percent_format_float(f, &spec);
                let _ = percent_format_char(&i, &spec);
                let _ = percent_format_text("abc", &spec);
            }
        }
    }
}
