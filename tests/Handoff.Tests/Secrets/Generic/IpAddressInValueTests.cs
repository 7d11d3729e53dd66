using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>A value holding an IPv4 address is network configuration, not a secret: what counts as an address.</summary>
public class IpAddressInValueTests
{
    [TestCase("10.0.0.1")]
    [TestCase("192.168.100.200")]
    [TestCase("host=10.0.0.1")]
    [TestCase("10.0.0.1/8")]
    [TestCase("10.0.0.0/8,127.0.0.1")]
    [TestCase("allow 172.16.254.3 only")]
    public void Four_dotted_octets_are_an_address(string value) => Assert.That(ValueShape.HasIpAddress(value), Is.True);

    [TestCase("1.2")]
    [TestCase("1.2.3")]
    [TestCase("1.2.3.")]
    [TestCase("1234.5.6.7")]
    [TestCase("1.2.3.4567")]
    [TestCase("1.2.3.4x")]
    [TestCase("v1.2.3.4")]
    [TestCase("x.1.2.3.4")]
    [TestCase("a1b2c3d4e5f6")]
    public void Fewer_octets_longer_ones_or_an_address_glued_to_letters_are_not(string value) =>
        Assert.That(ValueShape.HasIpAddress(value), Is.False);
}
