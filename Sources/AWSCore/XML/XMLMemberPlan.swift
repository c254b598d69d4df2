/// How `XMLOutputReader` finds one member of a structure: worked out once per structure shape
/// and answer, not once per element (a list of 1,000 objects asks 1,000 times).
struct XMLMemberPlan {
    /// The member's name in the result.
    let name: String
    let shape: Shape
    /// The member's position among its structure's members (`ResultBuilder`'s `modelOrder`).
    let order: Int
    /// The element's local name (or the attribute's name, for `xmlAttribute` members).
    let elementName: String
    /// `elementName`'s UTF-8, compared with the bytes of each child's local name.
    let elementBytes: [UInt8]
    /// The member is marked `flattened` (its shape may be too).
    let flattened: Bool
    /// A flattened list or map: every element of that name, wherever it stands, is one item.
    let gathers: Bool
    /// Another member of the structure is read from elements of the same name (S3's
    /// `Event` and the flattened `Events`): such elements are read once for each.
    var sharesName = false

    /// The plan of `member`: a flattened list's elements take the name of the list member
    /// when it has one; an `xmlAttribute` member is found by its `locationName`.
    init(name: String, member: ShapeMember, order: Int) {
        let kind = member.shape.kind
        let isFlattened = member.shape.flattened || member.flattened
        var elementName = member.locationName ?? member.shape.locationName ?? name
        if member.xmlAttribute {
            elementName = member.locationName ?? name
        } else if kind == .list, isFlattened, let item = member.shape.member,
            let itemName = item.locationName ?? item.shape.locationName
        {
            elementName = itemName
        }
        self.name = name
        self.shape = member.shape
        self.order = order
        self.elementName = elementName
        self.elementBytes = Array(elementName.utf8)
        self.flattened = member.flattened
        self.gathers = !member.xmlAttribute && (kind == .list || kind == .map) && isFlattened
    }
}

/// The plans of one structure shape's body members, in the shape's order: those read from
/// child elements and those read from the structure element's attributes.
struct XMLStructurePlan {
    var elements: [XMLMemberPlan] = []
    var attributes: [XMLMemberPlan] = []
}

/// The structure plans of each structure shape met while reading one answer.
final class XMLMemberPlans {
    private var plans: [ObjectIdentifier: XMLStructurePlan] = [:]

    func plan(of shape: Shape) -> XMLStructurePlan {
        if let known = plans[ObjectIdentifier(shape)] { return known }
        var made = XMLStructurePlan()
        for (order, (name, member)) in shape.members.enumerated() where member.location == nil {
            let plan = XMLMemberPlan(name: name, member: member, order: order)
            if member.xmlAttribute {
                made.attributes.append(plan)
            } else {
                made.elements.append(plan)
            }
        }
        for index in made.elements.indices {
            let name = made.elements[index].elementBytes
            made.elements[index].sharesName =
                made.elements.indices.contains { $0 != index && made.elements[$0].elementBytes == name }
        }
        plans[ObjectIdentifier(shape)] = made
        return made
    }
}
