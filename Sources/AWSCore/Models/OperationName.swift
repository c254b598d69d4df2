/// Operation names as boto3 spells its client methods: botocore's `xform_name`.
///
/// `ListObjectsV2` → `list_objects_v2`, `GetBucketAcl` → `get_bucket_acl`,
/// `ListWebACLs` → `list_web_acls`. A name that already holds an underscore is kept as it is.
public enum OperationName {
    /// The snake_case name of an API operation name.
    ///
    /// Works on the UTF-8 bytes: the rules only look at ASCII letters and digits, and a byte
    /// of a longer character is none of them, as the character itself is not.
    public static func pythonic(_ name: String) -> String {
        if name.utf8.contains(UInt8(ascii: "_")) { return name }
        if let special = specialCases[name] { return special }
        var bytes = Array(name.utf8)
        if let plural = pluralAcronymStart(bytes) {
            bytes = Array(bytes[..<plural]) + [UInt8(ascii: "_")] + bytes[plural...].map(lowercased)
        }
        let split = splitAfterLowercase(splitBeforeWords(bytes))
        if split.allSatisfy({ $0 < 0x80 }) { return String(decoding: split.map(lowercased), as: UTF8.self) }
        return String(decoding: split, as: UTF8.self).lowercased()
    }

    /// Names botocore's regular expressions get wrong, as botocore lists them.
    private static let specialCases: [String: String] = [
        "CreateCachediSCSIVolume": "create_cached_iscsi_volume",
        "DescribeCachediSCSIVolumes": "describe_cached_iscsi_volumes",
        "DescribeStorediSCSIVolumes": "describe_stored_iscsi_volumes",
        "CreateStorediSCSIVolume": "create_stored_iscsi_volume",
        "ListHITsForQualificationType": "list_hits_for_qualification_type",
        "ExecutePartiQLStatement": "execute_partiql_statement",
        "ExecutePartiQLTransaction": "execute_partiql_transaction",
        "ExecutePartiQLBatch": "execute_partiql_batch",
        "AssociateWhatsAppBusinessAccount": "associate_whatsapp_business_account",
        "CreateWhatsAppMessageTemplate": "create_whatsapp_message_template",
        "CreateWhatsAppMessageTemplateFromLibrary": "create_whatsapp_message_template_from_library",
        "CreateWhatsAppMessageTemplateMedia": "create_whatsapp_message_template_media",
        "DeleteWhatsAppMessageMedia": "delete_whatsapp_message_media",
        "DeleteWhatsAppMessageTemplate": "delete_whatsapp_message_template",
        "DisassociateWhatsAppBusinessAccount": "disassociate_whatsapp_business_account",
        "GetLinkedWhatsAppBusinessAccount": "get_linked_whatsapp_business_account",
        "GetLinkedWhatsAppBusinessAccountPhoneNumber": "get_linked_whatsapp_business_account_phone_number",
        "GetOTelEnrichment": "get_otel_enrichment",
        "GetWhatsAppMessageMedia": "get_whatsapp_message_media",
        "GetWhatsAppMessageTemplate": "get_whatsapp_message_template",
        "ListLinkedWhatsAppBusinessAccounts": "list_linked_whatsapp_business_accounts",
        "ListWhatsAppMessageTemplates": "list_whatsapp_message_templates",
        "ListWhatsAppTemplateLibrary": "list_whatsapp_template_library",
        "PostWhatsAppMessageMedia": "post_whatsapp_message_media",
        "PutWhatsAppBusinessAccountEventDestinations": "put_whatsapp_business_account_event_destinations",
        "SendWhatsAppMessage": "send_whatsapp_message",
        "StartOTelEnrichment": "start_otel_enrichment",
        "StopOTelEnrichment": "stop_otel_enrichment",
        "UpdateWhatsAppMessageTemplate": "update_whatsapp_message_template",
    ]

    /// Where a pluralised acronym at the end starts (`ARNs` in `GatewayARNs`): `[A-Z]{2,}s$`.
    private static func pluralAcronymStart(_ c: [UInt8]) -> Int? {
        guard c.count >= 3, c[c.count - 1] == UInt8(ascii: "s") else { return nil }
        var start = c.count - 1
        while start > 0, isUpper(c[start - 1]) { start -= 1 }
        return c.count - 1 - start >= 2 ? start : nil
    }

    /// `(.)([A-Z][a-z]+)` → `\1_\2`, left to right without overlaps.
    private static func splitBeforeWords(_ c: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < c.count {
            if i + 2 < c.count, c[i] != UInt8(ascii: "\n"), isUpper(c[i + 1]), isLower(c[i + 2]) {
                var end = i + 3
                while end < c.count, isLower(c[end]) { end += 1 }
                out.append(c[i])
                out.append(UInt8(ascii: "_"))
                out.append(contentsOf: c[(i + 1)..<end])
                i = end
            } else {
                out.append(c[i])
                i += 1
            }
        }
        return out
    }

    /// `([a-z0-9])([A-Z])` → `\1_\2`, left to right without overlaps.
    private static func splitAfterLowercase(_ c: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < c.count {
            if i + 1 < c.count, isLower(c[i]) || isDigit(c[i]), isUpper(c[i + 1]) {
                out.append(contentsOf: [c[i], UInt8(ascii: "_"), c[i + 1]])
                i += 2
            } else {
                out.append(c[i])
                i += 1
            }
        }
        return out
    }

    private static func isUpper(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
    private static func isLower(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func lowercased(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 32 : c }
}
