package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The structural check of a report page: it parses as XHTML-compatible markup (every element closed, every
 * attribute quoted, no stray {@code <} or {@code &}) with the JDK's XML parser, its ids are unique, nothing in it
 * points outside the page, and its Content-Security-Policy forbids loading anything.
 */
final class PageChecks {

    private static final Pattern EXTERNAL = Pattern.compile("(?i)^\\s*(?:[a-z][a-z0-9+.-]*:|//)");

    private PageChecks() {
    }

    static Document wellFormed(String html) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(html)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
        Set<String> ids = new HashSet<>();
        NodeList all = document.getElementsByTagName("*");
        boolean policy = false;
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String name = attribute.getName().toLowerCase();
                String value = attribute.getValue();
                if (name.equals("id")) {
                    assertThat(ids.add(value)).as("id %s is unique", value).isTrue();
                }
                if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("xlink:href")
                        || name.equals("srcset") || name.equals("data") || name.equals("poster")) {
                    assertThat(EXTERNAL.matcher(value).find()).as("%s=%s points outside the page", name, value)
                            .isFalse();
                }
                if (name.startsWith("on")) {
                    throw new AssertionError("the page has an event handler attribute " + name + "=" + value);
                }
            }
            if (element.getTagName().equals("meta")
                    && "Content-Security-Policy".equals(element.getAttribute("http-equiv"))) {
                assertThat(element.getAttribute("content")).contains("default-src 'none'")
                        .contains("connect-src 'none'").doesNotContain("unsafe-eval");
                policy = true;
            }
            if (element.getTagName().equals("link") || element.getTagName().equals("iframe")
                    || element.getTagName().equals("img")) {
                throw new AssertionError("the page has a <" + element.getTagName() + ">, which may load something");
            }
        }
        assertThat(policy).as("the page has a Content-Security-Policy").isTrue();
        assertThat(html).doesNotContainPattern("url\\(\\s*['\"]?(?!#)").doesNotContain("@import")
                .doesNotContain("@font-face");
        return document;
    }
}
