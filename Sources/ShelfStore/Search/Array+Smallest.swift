extension Array {
    /// The first `count` elements of the array as `sorted(by:)` would order them, found with a
    /// bounded heap: about one comparison per element when few are asked for, instead of a
    /// sort of them all. `areInIncreasingOrder` must be a strict total order (ties broken), so
    /// the answer is the sort's.
    ///
    /// ```swift
    /// [5, 1, 4, 2, 3].smallest(2, by: <)  // [1, 2]
    /// ```
    func smallest(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        guard count < self.count / 2 else { return Array(sorted(by: areInIncreasingOrder).prefix(count)) }
        // A max-heap of the smallest seen so far: its root is the largest of them.
        var heap: [Element] = []
        heap.reserveCapacity(count)
        for element in self {
            if heap.count < count {
                heap.append(element)
                var child = heap.count - 1
                while child > 0, areInIncreasingOrder(heap[(child - 1) / 2], heap[child]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if areInIncreasingOrder(element, heap[0]) {
                heap[0] = element
                var parent = 0
                while true {
                    var largest = parent
                    let left = 2 * parent + 1
                    if left < count, areInIncreasingOrder(heap[largest], heap[left]) { largest = left }
                    if left + 1 < count, areInIncreasingOrder(heap[largest], heap[left + 1]) { largest = left + 1 }
                    guard largest != parent else { break }
                    heap.swapAt(parent, largest)
                    parent = largest
                }
            }
        }
        return heap.sorted(by: areInIncreasingOrder)
    }
}
