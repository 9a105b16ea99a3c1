//! `stack_effect` against a fixture recorded from CPython 3.11's `_opcode.stack_effect`.

use krait_bytecode::stack_effect::{stack_effect, StackEffectError};

fn render(r: Result<i32, StackEffectError>) -> String {
    match r {
        Ok(v) => v.to_string(),
        Err(StackEffectError::OpargRequired) => "E_REQ".into(),
        Err(StackEffectError::OpargNotPermitted) => "E_NOARG".into(),
        Err(StackEffectError::Invalid) => "E_INV".into(),
    }
}

#[test]
fn matches_cpython_fixture() {
    let data = include_str!("data/stack_effect.txt");
    let mut checked = 0;
    for line in data.lines() {
        let cols: Vec<&str> = line.split(' ').collect();
        assert_eq!(cols.len(), 5, "bad fixture line {line}");
        let op: i32 = cols[0].parse().unwrap();
        let arg: Option<i32> = if cols[1] == "-" { None } else { Some(cols[1].parse().unwrap()) };
        for (jump, want) in [(None, cols[2]), (Some(true), cols[3]), (Some(false), cols[4])] {
            let got = render(stack_effect(op, arg, jump));
            assert_eq!(got, want, "stack_effect({op}, {arg:?}, jump={jump:?})");
            checked += 1;
        }
    }
    assert!(checked > 20_000);
}
