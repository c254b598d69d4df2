/// How `XMLShapeDecoder` finds one member of a structure: worked out once per structure shape
/// and answer, not once per element (a list of 1,000 objects asks 1,000 times).
struct XMLMemberPlan {
    /// The member's name in the result.
    let name: String
    let shape: Shape
    /// The element's local name (or the attribute's name, for `xmlAttribute` members).
    let elementName: String
    /// An `xmlAttribute` member, read from the structure's element's attributes.
    let isAttribute: Bool
    /// The member is marked `flattened` (its shape may be too).
    let flattened: Bool
    /// A flattened list or map: every element of that name, wherever it stands, is one item.
    let gathers: Bool
}

/// The member plans of each structure shape met while reading one answer.
final class XMLMemberPlans {
    private var plans: [ObjectIdentifier: [XMLMemberPlan]] = [:]

    /// The plans of `shape`'s body members, in the shape's order; `make` gives each member's
    /// element name and whether it gathers repeated elements.
    func plans(
        of shape: Shape, _ make: (String, ShapeMember) -> (elementName: String, gathers: Bool)
    ) -> [XMLMemberPlan] {
        if let known = plans[ObjectIdentifier(shape)] { return known }
        var made: [XMLMemberPlan] = []
        for (name, member) in shape.members where member.location == nil {
            let (elementName, gathers) = make(name, member)
            made.append(
                XMLMemberPlan(
                    name: name, shape: member.shape, elementName: elementName, isAttribute: member.xmlAttribute,
                    flattened: member.flattened, gathers: gathers))
        }
        plans[ObjectIdentifier(shape)] = made
        return made
    }
}
