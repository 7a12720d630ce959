package jlab.net;

/** An IPv4 address on an interface, from an RTM_NEWADDR message. */
public record Address(int index, Ipv4 local, int prefixLength, String label) {

    public static Address from(Message message) {
        if (!(message.body() instanceof Message.IfAddr a)) {
            throw new IllegalArgumentException(Rtnl.typeName(message.type()) + " is not an address message");
        }
        Ipv4 local = Attr.find(a.attrs(), Rtnl.IFA_LOCAL).or(() -> Attr.find(a.attrs(), Rtnl.IFA_ADDRESS))
                .map(Attr::asIpv4).orElseThrow(() -> new IllegalArgumentException("address message without IFA_LOCAL"));
        return new Address(a.index(), local, a.prefixLength(),
                Attr.find(a.attrs(), Rtnl.IFA_LABEL).map(Attr::asString).orElse(""));
    }

    /** {@code 10.1.2.1/24}. */
    public String cidr() { return local + "/" + prefixLength; }
}
