/// A line of a stock file that cannot be read, printed as `FILE:LINE: what is wrong`.
public struct StockCSVError: Error, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// What is wrong and how to write it instead.
    public var problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file):\(line): \(problem)" }
}
