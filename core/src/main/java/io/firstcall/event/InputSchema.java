package io.firstcall.event;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input templates of the SBE schema as {@link InputValidator} needs them, read once from the
 * schema file the codecs are generated from (on the class path): each template's fixed fields with
 * their offsets, enums with their valid values, and its variable-length fields in wire order with
 * their length prefix and bounds (the length type's minValue and maxValue). Reading the schema rather
 * than listing fields by hand means a field added to it is validated with no code change; a
 * construct the validator cannot check (a group, a set, a composite in a block, big-endian) stops
 * this class from loading instead of being skipped.
 */
final class InputSchema
{
    static final String RESOURCE = "/sbe/firstcall-schema.xml";
    static final InputSchema INSTANCE = load();

    private final int schemaId;
    private final int version;
    private final Template[] templates;

    private InputSchema(final int schemaId, final int version, final Template[] templates)
    {
        this.schemaId = schemaId;
        this.version = version;
        this.templates = templates;
    }

    int schemaId()
    {
        return schemaId;
    }

    int version()
    {
        return version;
    }

    /**
     * @return the input template with this id, or null when it is not an input.
     */
    Template template(final int templateId)
    {
        return templateId >= 0 && templateId < templates.length ? templates[templateId] : null;
    }

    /** An input message type. */
    static final class Template
    {
        final int id;
        final String name;
        final FixedField[] fixed;
        final DataField[] data;
        /** Indexed by acting version 0..schema version. */
        final int[] blockLengthAt;
        final String[] blockLengthMessageAt;
        final String trailingMessage;

        Template(final int id, final String name, final FixedField[] fixed, final DataField[] data, final int version)
        {
            this.id = id;
            this.name = name;
            this.fixed = fixed;
            this.data = data;
            blockLengthAt = new int[version + 1];
            blockLengthMessageAt = new String[version + 1];
            for (int v = 0; v <= version; v++)
            {
                int blockLength = 0;
                for (final FixedField field : fixed)
                {
                    if (field.sinceVersion <= v)
                    {
                        blockLength = Math.max(blockLength, field.offset + field.size);
                    }
                }
                blockLengthAt[v] = blockLength;
                blockLengthMessageAt[v] = "blockLength: must be at least " + blockLength + " for " + name +
                    " version " + v;
            }
            trailingMessage = "the message must end where its last field (" + data[data.length - 1].name + ") ends";
        }
    }

    /**
     * A field of the fixed block. An enum lists its {@link #values}; a signed integer type with a
     * {@code minValue} or {@code maxValue} is {@link #ranged}; anything else is not checked.
     */
    static final class FixedField
    {
        final String name;
        final int offset;
        final int size;
        final int sinceVersion;
        final long[] values;
        final int[] valueSinceVersions;
        final String invalidMessage;
        final boolean ranged;
        final long min;
        final long max;
        final boolean optional;
        final long nullValue;

        FixedField(final String name, final int offset, final int size, final int sinceVersion,
            final long[] values, final int[] valueSinceVersions, final String invalidMessage)
        {
            this(name, offset, size, sinceVersion, values, valueSinceVersions, invalidMessage, false, 0, 0, false, 0);
        }

        private FixedField(final String name, final int offset, final int size, final int sinceVersion,
            final long[] values, final int[] valueSinceVersions, final String invalidMessage,
            final boolean ranged, final long min, final long max, final boolean optional, final long nullValue)
        {
            this.name = name;
            this.offset = offset;
            this.size = size;
            this.sinceVersion = sinceVersion;
            this.values = values;
            this.valueSinceVersions = valueSinceVersions;
            this.invalidMessage = invalidMessage;
            this.ranged = ranged;
            this.min = min;
            this.max = max;
            this.optional = optional;
            this.nullValue = nullValue;
        }

        static FixedField ranged(final String name, final int offset, final int size, final int sinceVersion,
            final long min, final long max, final boolean optional, final long nullValue)
        {
            return new FixedField(name, offset, size, sinceVersion, null, null,
                name + ": must be " + min + ".." + max + (optional ? ", or " + nullValue + " for none" : ""),
                true, min, max, optional, nullValue);
        }

        /**
         * @param value the field read as a signed integer of its size.
         */
        boolean inRange(final long value)
        {
            return (optional && value == nullValue) || (value >= min && value <= max);
        }

        boolean isValid(final long value, final int actingVersion)
        {
            for (int i = 0; i < values.length; i++)
            {
                if (values[i] == value && valueSinceVersions[i] <= actingVersion)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /** A variable-length text field: a little-endian length of {@link #headerLength} bytes, then the text. */
    static final class DataField
    {
        final String name;
        final int headerLength;
        final int minBytes;
        final int maxBytes;
        final int sinceVersion;
        final String truncatedMessage;
        final String tooShortMessage;
        final String tooLongMessage;
        final String utf8Message;

        DataField(final String name, final int headerLength, final int minBytes, final int maxBytes, final int sinceVersion)
        {
            this.name = name;
            this.headerLength = headerLength;
            this.minBytes = minBytes;
            this.maxBytes = maxBytes;
            this.sinceVersion = sinceVersion;
            truncatedMessage = name + ": the message ends inside this field";
            tooShortMessage = name + (1 == minBytes ? ": is required" : ": must be at least " + minBytes + " UTF-8 bytes");
            tooLongMessage = name + ": must be at most " + maxBytes + " UTF-8 bytes";
            utf8Message = name + ": is not valid UTF-8";
        }
    }

    private static InputSchema load()
    {
        try (InputStream in = InputSchema.class.getResourceAsStream(RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return parse(factory.newDocumentBuilder().parse(in));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot read the input templates from " + RESOURCE + ": " + ex.getMessage(), ex);
        }
    }

    private static InputSchema parse(final Document document)
    {
        final Element root = document.getDocumentElement();
        if (!"littleEndian".equals(attribute(root, "byteOrder", "littleEndian")))
        {
            throw new IllegalStateException("only a little-endian schema is supported");
        }
        final int schemaId = Integer.parseInt(root.getAttribute("id"));
        final int version = Integer.parseInt(attribute(root, "version", "0"));

        final Map<String, Element> types = new HashMap<>();
        for (final Element typesElement : children(root, "types"))
        {
            for (final Element type : children(typesElement, null))
            {
                types.put(type.getAttribute("name"), type);
            }
        }

        final Template[] templates = new Template[InputTypes.LAST + 1];
        for (final Element message : children(root, "message"))
        {
            final int id = Integer.parseInt(message.getAttribute("id"));
            if (InputTypes.isInput(id))
            {
                templates[id] = template(id, message, types, version);
            }
        }
        for (int id = InputTypes.FIRST; id <= InputTypes.LAST; id++)
        {
            if (null == templates[id])
            {
                throw new IllegalStateException("input template " + id + " is not in the schema");
            }
        }

        return new InputSchema(schemaId, version, templates);
    }

    private static Template template(final int id, final Element message, final Map<String, Element> types, final int version)
    {
        final String name = message.getAttribute("name");
        final List<FixedField> fixed = new ArrayList<>();
        final List<DataField> data = new ArrayList<>();
        int offset = 0;
        for (final Element child : children(message, null))
        {
            final String kind = child.getLocalName();
            final String fieldName = child.getAttribute("name");
            final int sinceVersion = Integer.parseInt(attribute(child, "sinceVersion", "0"));
            if ("field".equals(kind))
            {
                if (!data.isEmpty())
                {
                    throw new IllegalStateException(name + "." + fieldName + ": a fixed field after variable-length data");
                }
                offset = Integer.parseInt(attribute(child, "offset", Integer.toString(offset)));
                final FixedField field = fixedField(name, child, types, offset, sinceVersion);
                fixed.add(field);
                offset += field.size;
            }
            else if ("data".equals(kind))
            {
                data.add(dataField(name, child, types, sinceVersion));
            }
            else
            {
                throw new IllegalStateException(name + ": the input validator cannot check a " + kind);
            }
        }

        if (data.size() < 2 || !"tenant".equals(data.get(0).name) || !"eventId".equals(data.get(1).name) ||
            1 != data.get(0).headerLength || 1 != data.get(1).headerLength)
        {
            throw new IllegalStateException(name + ": an input's variable-length data must start with tenant and eventId, " +
                "each with a uint8 length (InputEnvelope reads them without knowing the type)");
        }

        return new Template(id, name, fixed.toArray(new FixedField[0]), data.toArray(new DataField[0]), version);
    }

    private static FixedField fixedField(
        final String message, final Element field, final Map<String, Element> types, final int offset, final int sinceVersion)
    {
        final String name = field.getAttribute("name");
        final String typeName = field.getAttribute("type");
        final Element type = types.get(typeName);
        if (null == type)
        {
            return new FixedField(name, offset, primitiveSize(typeName), sinceVersion, null, null, null);
        }

        switch (type.getLocalName())
        {
            case "type":
                final int length = Integer.parseInt(attribute(type, "length", "1"));
                final String primitive = type.getAttribute("primitiveType");
                if (1 == length && primitive.startsWith("int") &&
                    (type.hasAttribute("minValue") || type.hasAttribute("maxValue")))
                {
                    return rangedField(name, type, field, offset, sinceVersion);
                }
                return new FixedField(name, offset, length * primitiveSize(primitive), sinceVersion, null, null, null);

            case "enum":
                return enumField(name, type, offset, sinceVersion, "optional".equals(field.getAttribute("presence")));

            default:
                throw new IllegalStateException(message + "." + name + ": the input validator cannot check a " +
                    type.getLocalName() + " in a fixed block");
        }
    }

    /**
     * A signed integer type with bounds: SBE's defaults fill in a missing bound and the null value
     * (the type's most negative value, e.g. -2^31 for an int32).
     */
    private static FixedField rangedField(
        final String name, final Element type, final Element field, final int offset, final int sinceVersion)
    {
        final int size = primitiveSize(type.getAttribute("primitiveType"));
        final long typeMin = Long.MIN_VALUE >> (64 - 8 * size);
        final long typeMax = Long.MAX_VALUE >> (64 - 8 * size);
        final boolean optional = "optional".equals(type.getAttribute("presence")) ||
            "optional".equals(field.getAttribute("presence"));
        final long nullValue = Long.parseLong(attribute(type, "nullValue", Long.toString(typeMin)));
        final long min = Long.parseLong(attribute(type, "minValue", Long.toString(optional ? typeMin + 1 : typeMin)));
        final long max = Long.parseLong(attribute(type, "maxValue", Long.toString(typeMax)));
        return FixedField.ranged(name, offset, size, sinceVersion, min, max, optional, nullValue);
    }

    private static FixedField enumField(
        final String name, final Element type, final int offset, final int sinceVersion, final boolean optional)
    {
        final String encoding = type.getAttribute("encodingType");
        if (!encoding.startsWith("uint"))
        {
            throw new IllegalStateException(name + ": the input validator checks enums of unsigned encodings only");
        }
        final List<Element> validValues = children(type, "validValue");
        final int count = validValues.size() + (optional ? 1 : 0);
        final long[] values = new long[count];
        final int[] since = new int[count];
        final StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < validValues.size(); i++)
        {
            final Element value = validValues.get(i);
            final String text = value.getTextContent().trim();
            values[i] = Long.parseLong(text);
            since[i] = Integer.parseInt(attribute(value, "sinceVersion", "0"));
            allowed.append(0 == i ? "" : ", ").append(values[i]).append(" (").append(value.getAttribute("name")).append(')');
        }
        final int size = primitiveSize(encoding);
        if (optional)
        {
            // The null value of an unsigned encoding: all ones.
            values[count - 1] = size >= Long.BYTES ? -1L : (1L << (8 * size)) - 1;
            allowed.append(", or ").append(values[count - 1]).append(" (none)");
        }

        return new FixedField(name, offset, size, sinceVersion, values, since,
            name + ": must be one of " + allowed + " (" + type.getAttribute("name") + ")");
    }

    private static DataField dataField(
        final String message, final Element data, final Map<String, Element> types, final int sinceVersion)
    {
        final String name = data.getAttribute("name");
        final Element composite = types.get(data.getAttribute("type"));
        Element length = null;
        if (null != composite && "composite".equals(composite.getLocalName()))
        {
            for (final Element member : children(composite, "type"))
            {
                if ("length".equals(member.getAttribute("name")))
                {
                    length = member;
                }
            }
        }
        if (null == length)
        {
            throw new IllegalStateException(message + "." + name + ": a data field needs a composite with a length");
        }

        final String primitive = length.getAttribute("primitiveType");
        final int headerLength = primitiveSize(primitive);
        if (!primitive.startsWith("uint") || headerLength > Integer.BYTES)
        {
            throw new IllegalStateException(message + "." + name + ": a data length must be uint8, uint16 or uint32");
        }
        // SBE's default maxValue of an unsigned type is one under its null value (all ones).
        final long defaultMax = (1L << (8 * headerLength)) - 2;
        final long max = Long.parseLong(attribute(length, "maxValue", Long.toString(defaultMax)));
        final long min = Long.parseLong(attribute(length, "minValue", "0"));

        return new DataField(name, headerLength, (int)min, (int)Math.min(max, Integer.MAX_VALUE), sinceVersion);
    }

    private static int primitiveSize(final String primitiveType)
    {
        switch (primitiveType)
        {
            case "char":
            case "int8":
            case "uint8":
                return 1;
            case "int16":
            case "uint16":
                return 2;
            case "int32":
            case "uint32":
            case "float":
                return 4;
            case "int64":
            case "uint64":
            case "double":
                return 8;
            default:
                throw new IllegalStateException("not a primitive type: " + primitiveType);
        }
    }

    private static String attribute(final Element element, final String name, final String defaultValue)
    {
        final String value = element.getAttribute(name);
        return value.isEmpty() ? defaultValue : value;
    }

    /**
     * @return the child elements with this local name, or all of them when {@code localName} is null.
     */
    private static List<Element> children(final Element parent, final String localName)
    {
        final List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); null != node; node = node.getNextSibling())
        {
            if (Node.ELEMENT_NODE == node.getNodeType() && (null == localName || localName.equals(node.getLocalName())))
            {
                children.add((Element)node);
            }
        }
        return children;
    }
}
