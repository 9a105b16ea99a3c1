//! The committed opcode table is exactly what tools/gen_opcode_table.py prints under CPython 3.11.

mod common;

#[test]
fn committed_table_matches_generator() {
    let Some(py) = common::python311() else { return };
    let root = common::workspace_root();
    let out = std::process::Command::new(&py)
        .arg(root.join("tools/gen_opcode_table.py"))
        .output()
        .expect("run generator");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(root.join("crates/krait_bytecode/src/opcode_table.rs")).unwrap();
    assert_eq!(generated, committed, "regenerate src/opcode_table.rs with tools/gen_opcode_table.py");
}

#[test]
fn stack_effect_fixture_is_current() {
    let Some(py) = common::python311() else { return };
    let root = common::workspace_root();
    let out = std::process::Command::new(&py)
        .arg(root.join("tools/gen_stack_effect_fixture.py"))
        .output()
        .expect("run fixture generator");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let committed = include_str!("data/stack_effect.txt");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}
