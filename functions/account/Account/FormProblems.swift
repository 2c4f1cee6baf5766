/// Puts a form's problems where the account templates look for them: `FIELD_error` beside each
/// field and, for the summary at the top, `has_errors` and `errors`.
enum FormProblems {
    static func add(_ problems: [(field: String, message: String)], to values: inout [String: Any]) {
        guard !problems.isEmpty else { return }
        for problem in problems { values["\(problem.field)_error"] = problem.message }
        values["has_errors"] = true
        values["errors"] = problems.map { ["field": $0.field, "message": $0.message] }
    }
}
